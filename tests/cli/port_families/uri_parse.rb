# URI.parse / URI() of an SMTP URL and an https one (its parts still
# %-encoded, the port nil for smtp), URI::InvalidURIError; fetch with a
# block that raises.
require 'uri'
ENV['PORT_TEST_SMTP_URL'] = 'smtp://alerts%40example.com:s3cr%3Dt%21@127.0.0.1:2525?auth=cram_md5&helo=cw.example.com'
uri = URI.parse(ENV['PORT_TEST_SMTP_URL'])
abort "unsupported scheme #{uri.scheme}" unless %w[smtp smtps].include?(uri.scheme)
query = URI.decode_www_form(uri.query.to_s).to_h
settings = {
  host: uri.host,
  port: uri.port || 25,
  user: uri.user && URI.decode_www_form_component(uri.user),
  secret: uri.password && URI.decode_www_form_component(uri.password),
  auth: (query['auth'] || 'plain').to_sym,
  tls: uri.scheme == 'smtps'
}
puts "#{settings[:user]} #{settings[:secret]} #{settings[:host]}:#{settings[:port]} #{settings[:auth]} #{settings[:tls]}"
u2 = URI('https://[::1]:8443/status?x=1#top')
puts u2.hostname, u2.port, u2.path, u2.fragment, u2.to_s
puts URI.parse('smtp://mail.example.com').port.inspect
begin
  URI.parse('not a uri')
rescue URI::InvalidURIError => e
  puts e.message
end
probes = { 'a.example' => 200 }
begin
  probes.fetch('b.example') { raise 'no probe for b.example' }
rescue RuntimeError => e
  puts e.message
end
puts probes.fetch('a.example') { raise 'never' }
