# case/when with ranges open at one end, between? and clamp.
def grade(v)
  case v
  when 90.. then 'A'
  when 80...90 then 'B'
  when ..59 then 'F'
  else 'C'
  end
end
[95, 85, 70, 40].each { |v| puts "#{v}: #{grade(v)}" }
puts 85.between?(80, 90), 79.between?(80, 90), 120.clamp(0, 100)
