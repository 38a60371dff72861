# URI.decode_www_form (a form read from standard input or a String), its
# _component, and encode_www_form(_component) as Ruby encodes them.
require 'uri'
p URI.decode_www_form("name=Ann+Lee&email=a%40x.com&&msg=hi%21%20there&flag&x=%zz&")
p URI.decode_www_form("")
p URI.decode_www_form_component("a+b%2Bc%C3%A9")
p URI.encode_www_form_component("a b~c*é/")
p URI.encode_www_form(name: "Ann Lee", tags: ["a", "b"], none: nil, n: 3)
p URI.encode_www_form([["q", "x&y"], ["p", 1]])
begin
  URI.decode_www_form_component("50%")
rescue ArgumentError => e
  puts e.message
end
begin
  URI.decode_www_form("é=1")
rescue ArgumentError => e
  puts e.message
end
p URI.decode_www_form("a=%FF")
