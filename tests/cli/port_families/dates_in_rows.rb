# Dates inside rows of parsed JSON (a merge of a known entry), arithmetic
# of Dates and Times the runtime meets only at run time (a Rational of days,
# a Float of seconds), and a Date in an option that starts nil.
# Time.utc of a splat of parts and more values.
# A Date moved by a number of days read from parsed JSON.
require 'json'
require 'date'
require 'time'

AS_OF = Date.new(2024, 5, 1)
rows = JSON.parse('[{"domain":"a.example","expires":"2024-05-20","at":"2024-05-01T10:00:00Z"},' \
                  '{"domain":"b.example","expires":"2024-09-01","at":"2024-05-01T09:59:30Z"}]')
due = rows.map { |r| r.merge('expires' => Date.parse(r['expires'])) }
          .select { |r| (r['expires'] - AS_OF).to_i.between?(0, 45) }
          .sort_by { |r| r['expires'] }
due.each do |r|
  puts "#{r['domain']} #{r['expires'].iso8601} renew by #{(r['expires'] - 1).strftime('%d.%m.%Y')}"
end
days = JSON.parse('["2024-05-20", "2024-05-01"]').map { |d| Date.parse(d) }
gap = days.first - days.last
p gap, gap.to_i
puts gap, gap / 2
stamps = rows.map { |r| Time.iso8601(r['at']) }
p stamps.first - stamps.last

options = { due: nil }
options[:due] = Date.strptime(ARGV.first || '2024-05-15', '%Y-%m-%d')
puts "#{(options[:due] - AS_OF).to_i} days to go"
run_at = Time.utc(*ENV.fetch('RUN_DATE', '2024-03-15').split('-').map(&:to_i), 9, 0, 0)
puts run_at, run_at.to_date.iso8601
fleet = JSON.parse('[{"van": "V1", "last_service": "2024-01-10", "interval_days": 90}]')
due = fleet.map { |v| v.merge('due_on' => Date.parse(v['last_service']) + v['interval_days']) }
due.each { |v| puts "#{v['van']} due #{v['due_on']} (#{(v['due_on'] - AS_OF).to_i} days)" }
