# attr_writer beside a reader method of the same name (a default until
# set), for objects and for a module's own settings (class << self).
class Mailer
  attr_writer :port, :helo
  attr_accessor :from

  def port
    @port ||= 25
  end

  def helo
    @helo || 'localhost'
  end
end

module Settings
  class << self
    attr_writer :relay

    def relay
      @relay ||= '127.0.0.1'
    end
  end
end

m = Mailer.new
puts m.port, m.helo, m.from.inspect
m.port = 2525
m.helo = 'mx.example.com'
m.from = 'a@example.com'
puts m.port, m.helo, m.from
puts Settings.relay
Settings.relay = '10.0.0.1'
puts Settings.relay
