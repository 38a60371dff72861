BASE = 10
def add(x, list = [], extra = nil, n = BASE, label = "n=#{BASE}", scale: x * 2, tag: 'plain')
  list << x
  "#{list.size} #{extra.nil?} #{n} #{label} #{scale} #{tag}"
end
puts add(1)
puts add(2)
puts add(3, nil.to_a, nil)
def stamp(to = ENV['TO_ADDR'])
  to.inspect
end
ENV['TO_ADDR'] = 'first@example.com'
puts stamp
ENV['TO_ADDR'] = 'second@example.com'
puts stamp, stamp(nil)
def keep(cc = [])
  cc.inspect
end
puts keep(nil), keep

module Notifier
  class << self
    def config
      @config ||= begin
        raw = { 'to' => 'ops@example.com', 'from' => 'bot@example.com' }
        raw['port'] = Integer(ENV['FAM_PORT']) if ENV['FAM_PORT']
        raw
      end
    end

    def calls
      @calls ||= 0
      @calls += 1
    end

    def deliver(subject:, to: config['to'], cc: [])
      calls
      "#{subject} -> #{([to] + cc).join(',')} (port #{config['port'].inspect})"
    end
  end
end

ENV['FAM_PORT'] = '2525'
puts Notifier.deliver(subject: 'disk')
puts Notifier.deliver(subject: 'cert', to: 'web@example.com', cc: %w[sec@example.com])
puts Notifier.calls
