require 'net/smtp'

header = ->(key, value) { "#{key}: #{value}" }
wrap = lambda do |text, width|
  text.scan(/\S.{0,#{width - 2}}\S(?=\s|$)|\S+/).join("\n")
end

headers = {
  'From' => 'alerts@example.com',
  'To' => 'oncall@example.com',
  'Subject' => 'Nightly batch report'
}

text = 'The nightly batch finished with 3 warnings and no errors. Check the dashboard for the full list of warnings before the morning standup.'
body = wrap.call(text, 40)
message = headers.map { |k, v| header.call(k, v) }.join("\n") + "\n\n" + body + "\n"

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message message, headers['From'], headers['To']
end
puts message
