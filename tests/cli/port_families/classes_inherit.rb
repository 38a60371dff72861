class Base
  attr_reader :name
  def initialize(name)
    @name = name
  end
  def greet
    "#{prefix} #{name}"
  end
  def prefix
    'Hello'
  end
  def self.build(name)
    new(name)
  end
end
class Loud < Base
  def prefix
    super.upcase + '!'
  end
end
class Polite < Base
  def initialize(name, title)
    super(name)
    @title = title
  end
  def greet
    "#{super}, #{@title}"
  end
end
[Base.build('ann'), Loud.new('bob'), Polite.new('cid', 'sir')].each { |o| puts o.greet }
Point = Struct.new(:x, :y) do
  def dist
    Math.sqrt(x * x + y * y)
  end
end
pt = Point.new(3, 4)
puts pt.to_h.keys.join(","), pt.to_a.inspect, Point.members.join(" "), pt.dist
