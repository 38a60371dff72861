require 'net/smtp'

Event = Struct.new(:severity, :host, :text)

EVENTS = [
  Event.new('warning', 'web1', 'disk 85%'),
  Event.new('critical', 'db1', 'replication lag 300s'),
  Event.new('info', 'web2', 'deploy finished'),
  Event.new('warning', 'web2', 'high load'),
  Event.new('critical', 'web1', 'disk 99%'),
]

ORDER = %w[critical warning info]

grouped = EVENTS.group_by(&:severity)
sections = ORDER.select { |sev| grouped.key?(sev) }.map do |sev|
  items = grouped[sev].sort_by(&:host).map { |e| "  - #{e.host}: #{e.text}" }
  "#{sev.upcase} (#{items.size})\n#{items.join("\n")}"
end

body = "Subject: Event digest: #{EVENTS.size} events\n\n#{sections.join("\n\n")}\n"

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message body, 'monitor@example.com', ['ops@example.com']
end
puts body
counts = grouped.map { |sev, list| "#{sev}=#{list.size}" }.join(' ')
puts counts
