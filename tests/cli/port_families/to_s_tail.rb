class Report
  attr_accessor :title, :rows

  def initialize(title)
    @title = title
    @rows = []
  end

  def add(name, value)
    @rows << [name, value]
    self
  end

  def to_s
    out = "== #{title} ==\n"
    rows.each { |n, v| out << format("%-6s %5.1f\n", n, v) }
    out << "total: #{total}\n"
  end

  def total
    rows.sum { |_, v| v }
  end

  def empty?
    rows.empty?
  end
end

r = Report.new('cpu').add('web', 10.5).add('db', 3)
puts r
puts r.empty?, r.total, r.rows.length
r.title = 'CPU'
puts "#{r}"
puts [r.title, r.rows.first].inspect
other = Report.new('none')
puts other.empty? ? 'nothing' : other
puts "%s and %s" % %w[x y]
puts "%-3s|" % %w[ab]
