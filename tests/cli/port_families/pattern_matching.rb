# Ruby 3 pattern matching: case/in with Hash and Array patterns, classes,
# alternatives, => bindings, guards, Struct patterns, else and no else.
require 'json'
Item = Struct.new(:kind, :size)

def classify(alert)
  case alert
  in { severity: 'critical', host: String => host }
    "CRIT #{host}"
  in { severity: 'warning', host:, value: Numeric => v } if v >= 90
    "WARN #{host} (#{v}%)"
  in { severity: 'warning', host: }
    "warn #{host}"
  in [first, *rest]
    "list of #{rest.size + 1} from #{first}"
  in [Integer, Integer, *] | []
    "ints"
  in nil
    "nothing"
  in Integer | Float => n unless n < 0
    "number #{n}"
  else
    "other #{alert.inspect}"
  end
end

def item_label(item)
  case item
  in Item[kind, size] if size > 3
    "big #{kind}"
  in { kind: 'disk' | 'cpu' => kind }
    "watched #{kind}"
  in [_, 0]
    "empty"
  end
end

alerts = JSON.parse('[{"severity":"critical","host":"db1"},{"severity":"warning","host":"web","value":95},{"severity":"warning","host":"web2","value":10},{"severity":"info"},[1,2,3],null,5,-1,{"severity":"critical","host":7}]', symbolize_names: true)
alerts.each { |a| puts classify(a) }
puts item_label(Item.new('mem', 9))
puts item_label(Item.new('disk', 2))
puts item_label(Item.new('net', 0))
begin
  puts item_label(Item.new('net', 5))
rescue StandardError => e
  puts e.class
end
