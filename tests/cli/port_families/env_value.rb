# ENV as a value: a default parameter, a local, reads and writes through it.
# (ENV[k] ||= default) used as a value.
class Settings
  def initialize(env = ENV)
    @host = env.fetch('NS_HOST', '127.0.0.1')
    @port = env.fetch('NS_PORT', '25').to_i
    @user = env['NS_USER']
    @debug = env.key?('NS_DEBUG')
  end

  def to_s
    "#{@host}:#{@port} user=#{@user.inspect} debug=#{@debug}"
  end
end

ENV['NS_PORT'] = '2525'
puts Settings.new
environment = ENV
environment['NS_USER'] = 'mailer'
puts ENV['NS_USER']
puts Settings.new
begin
  environment.fetch('NS_MISSING')
rescue KeyError => e
  puts "missing: #{e.class}"
end
puts environment.keys.include?('NS_PORT')

def conf(env = ENV)
  env.fetch('NS_HOST', 'default-host')
end
puts conf
puts conf('NS_HOST' => 'given-host')
relay_host = ENV['RELAY_HOST'] ||= 'localhost'
relay_port = (ENV['RELAY_PORT'] ||= '2525').to_i
p relay_host, relay_port, ENV['RELAY_HOST']
