# Runs one recorded scenario's Ruby program and prints what it did.
#
#   ruby -I NET_PROTOCOL/lib -I NET_SMTP/lib runner.rb SNIPPET PORT NAME
#
# SNIPPET holds a method body; it runs with `port` (the scripted server's
# port) and `dbg` (a StringIO meant for debug_output) in scope, and
# 'net/smtp', 'stringio' and 'tmpdir' loaded.  The last line of stdout is
# MARKER followed by one JSON object: `result` (inspect text), `result_norm`
# (the value in the transcripts' normalised shapes), `exception` (what
# escaped, or null), `debug` (the text written to dbg) and `versions`.
# record.py masks the port afterwards; object ids and socket details are
# masked here because only Ruby prints them.

require 'net/smtp'
require 'stringio'
require 'tmpdir'
require 'json'

MARKER = '@@NET_SMTP_PARITY@@'
LIB_DIRS = $LOAD_PATH.select { |dir| dir.include?('net-smtp') || dir.include?('net-protocol') }
TIMEOUT_CLASSES = %w[Timeout::Error Net::ReadTimeout Net::OpenTimeout Net::WriteTimeout].freeze

# The text view both sides agree on: UTF-8 when the bytes are valid UTF-8,
# else each byte as its latin-1 character.
def text_of(str)
  utf8 = str.dup.force_encoding(Encoding::UTF_8)
  return utf8 if utf8.valid_encoding?
  str.dup.force_encoding(Encoding::ISO_8859_1).encode(Encoding::UTF_8)
end

def mask_volatile(text)
  text.gsub(/0x[0-9a-f]{8,16}\b/, "0x\u2026")
      .gsub(/#<TCPSocket:[^>]*>/, "#<TCPSocket:\u2026>")
      .gsub(/#<OpenSSL::SSL::SSLSocket:[^>]*>/, "#<OpenSSL::SSL::SSLSocket:\u2026>")
end

def exception_message(exc)
  message = text_of(exc.message)
  # Net::ReadTimeout and friends append " with #<TCPSocket:fd 7, ...>".
  message = message.sub(/ with #<.*>\z/m, '') if TIMEOUT_CLASSES.include?(exc.class.name)
  mask_volatile(message)
end

def hash_key(key)
  case key
  when String then text_of(key)
  when Symbol then key.to_s
  else JSON.generate(normalise(key))
  end
end

# A returned value in the shapes of the golden transcripts' result_norm.
def normalise(value)
  case value
  when nil, true, false, Integer, Float then value
  when String then text_of(value)
  when Symbol then value.to_s
  when Array then value.map { |item| normalise(item) }
  when Hash then value.each_with_object({}) { |(k, v), out| out[hash_key(k)] = normalise(v) }
  when Net::SMTP::Response
    { 'Response' => { 'status' => text_of(value.status), 'string' => text_of(value.string) } }
  when Exception
    record = { 'class' => value.class.name, 'message' => exception_message(value) }
    record['response'] = normalise(value.response) if value.is_a?(Net::SMTPError)
    { 'Exception' => record }
  when Net::SMTP::Address
    { 'Address' => { 'address' => normalise(value.address),
                     'parameters' => normalise(value.parameters) } }
  when Net::SMTP then { 'SMTP' => value.inspect }
  else { 'inspect' => mask_volatile(text_of(value.inspect)) }
  end
end

def short_backtrace(exc)
  (exc.backtrace || []).first(6).map do |line|
    LIB_DIRS.reduce(line) do |out, dir|
      label = dir.include?('net-smtp') ? '<net-smtp>/lib' : '<net-protocol>/lib'
      out.sub(dir, label)
    end
  end
end

path, port, name = ARGV
code = File.read(path, encoding: 'UTF-8')
dbg = StringIO.new(+'')
out = {
  'result' => nil, 'result_norm' => nil, 'exception' => nil, 'debug' => '',
  'versions' => { 'ruby' => RUBY_VERSION, 'net-smtp' => Net::SMTP::VERSION,
                  'net-protocol' => Net::Protocol::VERSION,
                  'openssl-gem' => defined?(OpenSSL::VERSION) ? OpenSSL::VERSION : nil }
}
begin
  # Line 1 of the snippet is line 1 of "(scenario NAME)" in backtraces.
  eval("def parity_scenario(port, dbg)\n#{code}\nend\n", TOPLEVEL_BINDING, "(scenario #{name})", 0)
rescue ScriptError, StandardError => e
  out['exception'] = { 'class' => '<harness>', 'message' => "#{e.class}: #{e.message}",
                       'volatile' => false, 'backtrace' => short_backtrace(e) }
  puts MARKER + JSON.generate(out)
  exit 0
end

begin
  value = parity_scenario(Integer(port), dbg)
  out['result'] = mask_volatile(text_of(value.inspect))
  out['result_norm'] = normalise(value)
rescue Exception => e # rubocop:disable Lint/RescueException - every escape is the outcome
  out['exception'] = { 'class' => e.class.name, 'message' => exception_message(e),
                       'volatile' => TIMEOUT_CLASSES.include?(e.class.name) ||
                                     e.is_a?(NoMethodError),
                       'backtrace' => short_backtrace(e) }
end
out['debug'] = text_of(dbg.string)
puts MARKER + JSON.generate(out)
