require 'net/smtp'
require 'cgi'

rows = [['build', 'ok', 12], ['tests <unit>', 'failed & flaky', 3], ["deploy 'prod'", 'ok', 1]]

cells = rows.each_with_index.map do |(name, state, n), i|
  cls = i.even? ? 'even' : 'odd'
  "<tr class=\"#{cls}\"><td>#{CGI.escapeHTML(name)}</td><td>#{CGI.escapeHTML(state)}</td><td>#{n}</td></tr>"
end

html = "<table>\n#{cells.join("\n")}\n</table>"
msg = "Subject: CI report\nContent-Type: text/html\n\n#{html}\n"
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) { |smtp| smtp.send_message msg, 'ci@example.com', 'dev@example.com' }
puts html
