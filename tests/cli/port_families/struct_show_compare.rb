require "json"
Point = Struct.new(:x, :y) do
  def dist
    Math.sqrt(x**2 + y**2)
  end
end
Q = Struct.new(:a)
K = Struct.new(:name, :tags, keyword_init: true)
pt = Point.new(3, 4)
puts pt.dist, pt == Point.new(3, 4), pt != Point.new(3, 5), pt == Point.new(3.0, 4)
pt.x = 6
p pt
puts pt, "in text: #{pt}"
p Q.new([1, nil, 'a']), K.new(name: 'n', tags: %w[a b])
puts [Point.new(1, 2), Point.new(1, 2)].uniq.size
puts({ Point.new(1, 1) => 'one' }[Point.new(1, 1)])
module Mail
  Msg = Struct.new(:to, :subject)
end
p Mail::Msg.new('a@b', 'hi')
puts pt.inspect
class Job < Struct.new(:name, :status)
  def ok?
    status == 'ok'
  end
end
j = Job.new('backup', 'ok')
puts j.ok?, j.name
p j
puts j == Job.new('backup', 'ok')
Pair = Struct.new(:a, :b)
pr = Pair.new(1)
p pr, pr.to_a
pr.b = [1, 2]
a, b = pr.to_a
puts a
require 'json'
Deploy = Struct.new(:service, :version, keyword_init: true)
rows = JSON.parse('[{"service": "web", "version": 3}, {"service": "api", "version": 1}]')
deploys = rows.map { |h| Deploy.new(**h.transform_keys(&:to_sym)) }
puts deploys.sort_by(&:service).map { |d| "#{d.service}@#{d.version}" }.join(' ')
puts deploys.max_by(&:version).service
