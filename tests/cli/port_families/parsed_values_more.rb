# Values of parsed JSON handed to library methods, a constant of either
# kind, and format with a splat.
require 'json'
require 'cgi'

PORT = ENV['NO_SUCH_PORT_VARIABLE'] || 25
puts PORT.to_i + 1

sheet = JSON.parse('{"week": 12, "range": "Mar 18-22", "people": [{"name": "Ana <a>", "hours": "37.5"}]}')
week, range = sheet.values_at('week', 'range')
puts "week #{week}: #{range}"
sheet['people'].each do |person|
  puts "<td>#{CGI.escapeHTML(person['name'])}</td> #{person['hours'].to_f + 0.5}"
end
seconds = 754
puts format('%dm%02ds', *seconds.divmod(60))
parts = [3, 'x']
puts format('%02d-%s!', *parts)
begin
  CGI.escapeHTML(sheet['week'])
rescue TypeError => e
  puts "TypeError: #{e.message}"
end

require 'digest'
File.write('backup.tar', "archive bytes\n")
puts Digest::SHA256.file('backup.tar').hexdigest, Digest::MD5.file('backup.tar').to_s
puts Digest::SHA256.hexdigest(File.read('backup.tar')) == Digest::SHA256.file('backup.tar').hexdigest
class TapBox
  attr_reader :items
  def initialize; @items = []; end
  def add(list); @items.concat(list); self; end
end
box = TapBox.new
box.add([1, 2].tap { |l| l << 3; puts "built #{l.size}" })
p box.items

require 'digest/md5'
puts Digest::MD5.hexdigest(File.binread('backup.tar')), Digest::SHA256.hexdigest(File.binread('backup.tar')) == Digest::SHA256.file('backup.tar').hexdigest
start = '09:30'
minutes = start.split(':').map(&:to_i).then { |h, m| h * 60 + m }
p minutes, (minutes + 95).divmod(60)
