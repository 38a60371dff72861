# frozen_string_literal: true
# << on a String only this local holds (+'', an interpolation) is +=.
body = +''
body << 'a' << 'b'
name = 'x'
msg = "hi #{name}"
msg << '!'
puts body, msg
lines = []
lines << body
puts lines.size
built = +''
built << 'x' << 'y'
kept = []
kept << built
puts kept.first
rows = []
3.times do |i|
  row = +'n'
  row << i.to_s
  rows << row
end
p rows
