require 'net/smtp'

# Settings come from a Ruby DSL file: `host "..."`, `port 25`, ...
class MailConfig
  def initialize
    @settings = {}
  end

  def method_missing(name, *args)
    return super unless args.size == 1
    @settings[name] = args.first
  end

  def respond_to_missing?(*)
    true
  end

  def [](key)
    @settings.fetch(key)
  end
end

config = MailConfig.new
config.instance_eval(File.read('mail.conf.rb'), 'mail.conf.rb')

Net::SMTP.start(config[:host], config[:port]) do |smtp|
  smtp.send_message "Subject: #{config[:subject]}\n\nconfigured by a Ruby DSL\n",
                    config[:from], config[:to]
end
puts "sent #{config[:subject].inspect}"
