require 'net/smtp'

addresses = %w[ann@alpha.test bob@beta.test cid@alpha.test dee@gamma.test eve@beta.test fay@alpha.test]
by_domain = addresses.group_by { |a| a.split('@').last }

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  by_domain.sort_by { |domain, _| domain }.each do |domain, list|
    smtp.send_message "Subject: for #{domain}\n\n#{list.size} members\n", 'list@example.com', list
    printf("%-12s %d\n", domain, list.size)
  end
end
largest = by_domain.max_by { |_, list| list.size }
puts "largest: #{largest.first} (#{largest.last.join(', ')})"
