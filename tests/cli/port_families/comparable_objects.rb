# Objects of the script's own class that include Comparable: sorting,
# max/min, comparison operators, between?/clamp and <=> itself.
class Version
  include Comparable
  attr_reader :parts

  def initialize(text)
    @parts = text.split('.').map(&:to_i)
  end

  def <=>(other)
    return nil unless other.is_a?(Version)
    parts <=> other.parts
  end

  def to_s
    parts.join('.')
  end
end

versions = %w[1.10.0 1.2.3 0.9 1.2.10].map { |v| Version.new(v) }
puts versions.sort.map(&:to_s).join(' < ')
puts "newest #{versions.max}, oldest #{versions.min}"
a, b = Version.new('2.0'), Version.new('2.0')
puts a == b, a.equal?(b), a > versions[0], versions[1] <= versions[3]
p(a <=> versions[0], versions[0] <=> a)
puts Version.new('1.5').between?(Version.new('1.0'), Version.new('2.0'))
puts Version.new('3.1').clamp(Version.new('1.0'), Version.new('2.0'))
seen = { a => 'first' }
puts seen.key?(a), seen.key?(b)
begin
  a < 5
rescue ArgumentError => e
  puts "ArgumentError: #{e.message}"
end

class Service
  include Comparable
  attr_reader :name, :uptime

  def initialize(name, uptime)
    @name = name
    @uptime = uptime
  end

  def <=>(other)
    [uptime, name] <=> [other.uptime, other.name]
  end
end

services = [Service.new('web', 99.9), Service.new('db', 99.99), Service.new('mail', 99.9)]
services.sort.reverse.each { |s| printf("%-5s %6.2f%%\n", s.name, s.uptime) }
puts services.min.name

class ReleaseBot
  Target = Struct.new(:list, :prefix)
  TARGETS = [Target.new('dev@lists.example.org', '[VOTE]'), Target.new('pkg@lists.example.org', '[RC]')].freeze

  def self.lists
    TARGETS.map { |t| "#{t.prefix} #{t.list}" }
  end
end
puts ReleaseBot.lists

# A Struct made with a block that includes Comparable: its == is
# Comparable's (through <=>, of an Array holding a Date), its hash still
# the Struct's.
Item = Struct.new(:submitted, :employee, keyword_init: true) do
  include Comparable

  def <=>(other)
    [submitted, employee] <=> [other.submitted, other.employee]
  end
end
require 'date'
items = [Item.new(submitted: Date.new(2024, 3, 2), employee: 'Bo'),
         Item.new(submitted: Date.new(2024, 3, 1), employee: 'Zed'),
         Item.new(submitted: Date.new(2024, 3, 2), employee: 'Bo')]
p items.sort.map(&:employee), items.uniq.size, items.max.employee
p items[0] == items[2], items[0] > items[1], items[0].between?(items[1], items[2])
