Job = Struct.new(:name, :status, :secs, keyword_init: true)
jobs = [Job.new(name: 'backup', status: 'ok', secs: 120), Job.new(name: 'sync', status: 'failed', secs: 5)]
failed = jobs.reject { |j| j.status == 'ok' }
puts failed.map(&:name).join(','), jobs.sum(&:secs), jobs.max_by(&:secs).name
jobs.each { |j| puts format('%-8s %-7s %4ds', j.name, j.status, j.secs) }
puts jobs.first.to_h, jobs.map(&:to_a).inspect
j = jobs.last
j.status = 'retried'
puts j.status
puts jobs.sort_by { |x| [x.status, -x.secs] }.map(&:name).inspect
puts jobs.count { |x| x.secs > 60 }, jobs.any? { |x| x.status == 'failed' }, jobs.all?(&:name)
