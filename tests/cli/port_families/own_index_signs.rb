class Config
  def initialize(text)
    @values = {}
    text.each_line do |line|
      key, value = line.split('=', 2).map(&:strip)
      @values[key] = value
    end
  end

  def [](key)
    @values.fetch(key)
  end
end
cfg = Config.new("A=1\nB = two\n")
puts cfg['A'], cfg['B'].upcase
begin
  cfg['C']
rescue KeyError => e
  puts "missing: #{e.message}"
end
x = -3.5
puts x.negative?, 2.positive?, 0.0.zero?
require 'json'
d = JSON.parse('{"days": -2}')
puts d['days'].negative?
g = JSON.parse('[{"f": 2, "n": "a"}, {"f": 1, "n": "b"}]').group_by { |m| m['f'] }.sort.to_h
puts g.keys.join(",")
