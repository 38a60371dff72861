# A Regexp held in a constant given to gsub/sub (with a replacement, with
# a block of one expression or of several statements) and to index.
PAN = /\b\d(?:[ -]?\d){12,15}\b/
WORD = /o(\w)/

def redact(text)
  text.gsub(PAN) do |m|
    digits = m.delete('^0-9')
    "****#{digits[-4..]}"
  end
end

puts redact('card 4111 1111 1111 1111 ok, 5500-0000-0000-0004 too')
puts 'x 4111111111111111'.sub(PAN) { |m| "****#{m[-4..]}" }
puts 'a-b 4111111111111111'.gsub(PAN, '[card]'), 'foo bar'.sub(WORD, '<\1>')
p 'foo'.index(WORD), 'bar'.index(WORD)
