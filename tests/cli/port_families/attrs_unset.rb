require 'ostruct'
SETTINGS = OpenStruct.new(:address => '127.0.0.1', :port => 2525, domain: 'x.example')
puts SETTINGS.address, SETTINGS.port + 1, SETTINGS.domain, SETTINGS.user.nil?

class Mail
  attr_accessor :to, :cc, :subject

  def initialize(subject = 'none')
    @subject = subject
  end

  def headers
    { 'To' => Array(to).join(', '), 'Cc' => Array(cc).join(', '), 'Subject' => subject }
  end

  def recipients
    [to, cc].flatten.compact
  end

  def describe
    "cc=#{@cc} size=#{@cc.to_s.size} #{@cc.nil? ? 'none' : @cc}"
  end
end

m = Mail.new
m.to = %w[a@x b@x]
puts m.headers.map { |k, v| "#{k}=#{v}" }.join(';'), m.recipients.join(',')
puts m.describe
m.cc = 'c@x'
puts m.headers.map { |k, v| "#{k}=#{v}" }.join(';'), m.recipients.join(',')
puts m.describe
