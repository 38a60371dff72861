require 'net/smtp'

Recipient = Struct.new(:name, :email) do
  def to_header
    "#{name} <#{email}>"
  end
end

people = {
  'Ann' => 'ann@example.com',
  'Bob' => 'bob@example.net',
  'Cid' => 'cid@example.com',
  'Dee' => 'dee@example.com',
  'Eve' => 'eve@example.net'
}.map { |name, email| Recipient.new(name, email) }

internal = people.select { |r| r.email.end_with?('@example.com') }
external = people - internal

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  internal.each_slice(2).with_index(1) do |group, n|
    to = group.map(&:to_header).join(', ')
    smtp.send_message "To: #{to}\nSubject: batch #{n}\n\nhello\n", 'hr@example.com', group.map(&:email)
    puts "batch #{n}: #{group.map(&:name).join('+')}"
  end
end
puts "skipped external: #{external.map(&:email).join(', ')}"
