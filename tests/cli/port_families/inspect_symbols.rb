# p, pp and inspect of Hashes with Symbol keys and of %i[] lists (the types
# tell where the Symbols are), and center/ljust/rjust as Ruby pads.
settings = { host: 'mail.example.com', port: 587, helo: 'probe' }
pp settings
p settings
puts settings.inspect
nested = { smtp: { host: 'h', tls: true }, to: %w[a@x b@x], tags: %i[urgent daily] }
p nested
kinds = %i[info warn error]
p kinds
p kinds.first
puts "levels: #{kinds.inspect}"
row = { name: 'disk', used: 91.5, ok: false, note: nil }
p row
puts ' Report '.center(21, '*')
puts 'free'.center(9, '*')
puts 'ab'.center(7) + '|'
puts 'abc'.ljust(8, '12') + '|' + 'abc'.rjust(7, 'xy')
puts 'x'.center(6, 'ab')
