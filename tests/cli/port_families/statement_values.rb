# Several targets assigned from a case or an if (each branch an Array; a
# branch of nils makes every target maybe-nil).
def route(type)
  subject, to =
    case type
    when 'failed' then ["Payment failed", 'billing@example.com']
    when 'signup' then ['New signup', 'sales@example.com']
    else [nil, nil]
    end
  return "ignored #{type}" if subject.nil?

  "#{subject} -> #{to} (#{to.length})"
end
puts route('failed'), route('signup'), route('other')
low, high = if ARGV.empty? then [1, 5] else [ARGV[0].to_i, 9] end
puts (low..high).sum
