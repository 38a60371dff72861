# An attr_writer inherited from the superclass, self.class::CONST (the
# object's own class's), NotImplementedError from an abstract method.
class BaseMailer
  DEFAULT_FROM = 'noreply@example.com'
  attr_reader :to, :subject
  attr_writer :footer

  def initialize(to, subject)
    @to = to
    @subject = subject
    @footer = nil
  end

  def body
    raise NotImplementedError, "#{self.class} must implement body"
  end

  def render
    parts = ["From: #{from}", "To: #{to}", "Subject: #{subject}", '', body]
    parts << "-- \n#{@footer}" if @footer
    parts.join("\n")
  end

  def from
    self.class::DEFAULT_FROM
  end

  def to_s
    "#<#{self.class.name} to=#{to}>"
  end

  private

  def greeting
    "Hello #{to.split('@').first.capitalize},"
  end
end

class WelcomeMailer < BaseMailer
  DEFAULT_FROM = 'welcome@example.com'

  def initialize(to, plan:)
    super(to, "Welcome to the #{plan} plan")
    @plan = plan
  end

  def body
    "#{greeting}\nThanks for choosing #{@plan}."
  end
end

m = WelcomeMailer.new('ann@example.com', plan: 'pro')
m.footer = 'The Team'
puts m.render
puts m
puts m.is_a?(BaseMailer)
begin
  BaseMailer.new('x@example.com', 'hi').render
rescue NotImplementedError => e
  puts "#{e.class}: #{e.message}"
end
