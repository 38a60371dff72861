# Settings kept in YAML, as deploy and cron scripts keep them.
require 'yaml'
require 'date'

File.write('smtp.yml', <<~YAML)
  # mail settings per stage
  defaults: &defaults
    host: 127.0.0.1
    port: 2525
    tls: off
  production:
    <<: *defaults
    port: 587
    tls: yes
    recipients:
      - ops@example.com
      - "dev@example.com"
    window: 10:30
    budget: 1,500
    ratio: .75
  staging:
    <<: *defaults
YAML

begin
  YAML.load_file('smtp.yml')
rescue Psych::BadAlias => e
  puts "without aliases: #{e.class}: #{e.message}"
end
config = YAML.load_file('smtp.yml', aliases: true)
stage = 'production'
settings = config.fetch(stage) { abort "no settings for #{stage}" }
puts "#{settings['host']}:#{settings['port']} tls=#{settings['tls']}"
puts settings['recipients'].join(', ')
p settings['window'], settings['budget'], settings['ratio'], config['staging']
missing = config.fetch('qa') { 'none' }
puts "qa: #{missing}"

sym = YAML.load_file('smtp.yml', aliases: true, symbolize_names: true)
p sym[:staging]

File.write('dates.yml', "due: 2024-05-01\nat: 2024-05-01 10:00:00 +02:00\nname: :weekly\n")
begin
  YAML.safe_load(File.read('dates.yml'))
rescue Psych::DisallowedClass => e
  puts e.message
end
dated = YAML.safe_load(File.read('dates.yml'), permitted_classes: [Date, Time, Symbol])
puts dated['due'].strftime('%d %b %Y'), dated['at'].strftime('%H:%M %z'), dated['name'].inspect
p YAML.load(''), YAML.load("- 1\n- two\n- 3.0\n- ~\n")
log = YAML.load_file(config['production']['log'] || 'dates.yml', permitted_classes: [Date, Time, Symbol])
puts log.keys.join(',')
