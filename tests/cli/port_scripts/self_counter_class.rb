require 'net/smtp'

class Batch
  attr_accessor :count, :label

  def initialize(label)
    self.label = label
    self.count = 0
  end

  def add(smtp, to)
    smtp.send_message("Subject: #{label}\n\n#{count}\n", 'batch@example.com', to)
    self.count += 1
  end

  def report
    "#{label}: #{count} message#{count == 1 ? '' : 's'}"
  end
end

batch = Batch.new('nightly')
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  %w[a@example.com b@example.com].each { |to| batch.add(smtp, to) }
end
puts batch.report
batch.label = 'done'
puts batch.report
