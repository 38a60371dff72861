# self.class of the script's own objects (class << self accessors), a class
# shown as text, the value of File.open with a block or &:readline,
# IO#readline at the end, sub with a regexp where $1 is read, a Struct
# with to_s that may be nil in a String
class Mailer
  class << self
    attr_accessor :from, :domain
  end

  def initialize(to) = @to = to

  def header
    "From: #{self.class.from} (#{self.class.domain}) To: #{@to} by #{self.class}"
  end
end

Mailer.from = 'noreply@example.com'
Mailer.domain = 'example.com'
m = Mailer.new('ann@example.com')
puts m.header
p m.class, Mailer
puts m.class.name, "#{m.class}"
p m.class == Mailer

File.write('log.txt', "started 2024-05-01\nline two\n")
first = File.open('log.txt', &:readline).chomp.sub('started ', '')
p first
count = File.open('log.txt') { |f| f.readlines.size }
p count
rest = File.open('log.txt') do |f|
  f.readline
  f.read
end
p rest
File.open('log.txt') do |f|
  f.readline
  f.readline
  begin
    f.readline
  rescue EOFError => e
    puts "#{e.class}: #{e.message}"
  end
end
File.delete('log.txt')

['[error] client 10.0.0.1 down', '[warn] ok'].each do |line|
  next unless line =~ /\[(\w+)\] (.*)$/
  level, text = $1, $2
  key = text.sub(/client (\d+)\.\d+\.\d+\.\d+/, 'client *')
  p [level, key, $1]
  same = text.sub(/nothing/, 'x')
  p [same, $~]
end

Person = Struct.new(:name, :email, keyword_init: true) do
  def to_s = "#{name} <#{email}>"
end
people = [{ name: 'Ann', email: 'ann@example.com' }].map { |h| Person.new(**h) }
puts "To: #{people[0]}", "Cc: #{people[3]}."

# classes named as Python's builtins are (renamed there): Ruby's names shown
class ImportError < StandardError; end
module Feed
  class TypeError < StandardError; end
end
begin
  raise ImportError, 'cannot import orders.csv'
rescue ImportError => e
  puts "#{e.class}: #{e.message}", e.class.name.split('::').last
  p e
end
begin
  raise Feed::TypeError, 'bad row'
rescue Feed::TypeError => e
  puts e.class, e.class.name
end

# the lines of what File.binread gives
File.write('export.csv', "id,name\n1,ann\r\n2,bob")
data = File.binread('export.csv')
puts "#{data.lines.count - 1} records, #{data.lines.first.bytesize} bytes of header"
File.delete('export.csv')
