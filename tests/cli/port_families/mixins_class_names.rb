module Greeting
  def greet(who = 'you')
    "#{prefix} #{who} from #{name}"
  end

  def prefix
    'Hello'
  end
end

module Loud
  def prefix
    'HEY'
  end
end

class Person
  include Greeting
  attr_reader :name

  def initialize(name)
    @name = name
  end
end

class Shouter < Person
  include Loud
end

puts Person.new('ann').greet, Shouter.new('bob').greet('all')
module HealthMonitor
  module Providers
    class Base
      def self.provider_name
        name.split('::').last.gsub(/([a-z])([A-Z])/, '\1_\2').downcase
      end
      def self.full = name
    end
  end
end
class SmtpStatus < HealthMonitor::Providers::Base
  def check!(n)
    raise ArgumentError, "bad #{n}" if n.odd?
    n * 2
  end
end
results = [1, 2].map do |n|
  v = SmtpStatus.new.check!(n)
  { name: SmtpStatus.provider_name, status: 'OK', value: v }
rescue StandardError => e
  { name: SmtpStatus.provider_name, status: 'ERROR', value: e.message }
end
results.each { |r| puts "#{r[:name]} #{r[:status]} #{r[:value]}" }
puts HealthMonitor::Providers::Base.full, SmtpStatus.full
def email(body_html: nil)
  body_html.nil? || body_html == "" ? 'plain' : 'html'
end
puts email, email(body_html: '<b>')
