# values_at, slice and except of a Hash given the keys of an Array by a
# splat (a key that is missing gives nil to values_at, nothing to slice).
STAFF = { 'ann' => 'Ann Lee', 'bo' => 'Bo Chan', 'cy' => 'Cy Diaz' }.freeze
recipients = %w[cy ann zed]
names = STAFF.values_at(*recipients)
p names
puts "sent to #{names.compact.map { |s| s.split.first }.join(', ')}"
p STAFF.slice(*recipients), STAFF.except(*%w[ann bo])
