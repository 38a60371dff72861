require 'net/smtp'

TEMPLATE = <<~T
  Subject: Welcome {{name}}

  Hello {{name}},
  your account {{account}} is ready. Unknown: {{missing}}.
T

def render(template, vars)
  template.gsub(/\{\{(\w+)\}\}/) { vars.fetch($1, "?#{$1}?") }
end

people = [{ 'name' => 'Ann', 'account' => 'A-1' }, { 'name' => 'Bob', 'account' => 'B-2' }]
Net::SMTP.start(ENV['SMTP_HOST'], ENV['SMTP_PORT'].to_i) do |smtp|
  people.each do |vars|
    body = render(TEMPLATE, vars)
    smtp.send_message body, 'welcome@example.com', "#{vars['name'].downcase}@example.com"
    puts body.lines.first
  end
end
