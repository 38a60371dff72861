require 'net/smtp'

# Log every command the library sends by reopening Net::SMTP.
class Net::SMTP
  alias_method :original_getok, :getok

  private

  def getok(reqline)
    puts "> #{reqline}"
    original_getok(reqline)
  end
end

Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  smtp.send_message "Subject: patched\n\nhi\n", 'a@example.com', 'b@example.com'
end
