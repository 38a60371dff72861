# ERB templates written in the script: result(binding) in a method (its
# locals and instance variables), result_with_hash, trim_mode '-' (with
# "<%-" indentation and "-%>" line ends), <%% and <%# %>, ERB::Util.h,
# templates held in a constant, a local, an instance variable;
# result_with_hash of a Hash held in a local (string keys too) or computed
# in the call.
require 'erb'

REPORT = <<~'ERB'
  Report for <%= @host %> (<%= checks.size %> checks)
  <%# a comment the output never shows %>
  <% checks.each do |name, ok| -%>
    <%= name.ljust(8) %> <%= ok ? 'ok' : 'FAILED' %>
  <% end -%>
  <%- if checks.values.all? -%>
  All good.
  <%- else -%>
  Failures: <%= checks.count { |_, ok| !ok } %>
  <%- end -%>
  Literal tag: <%% not code %>
ERB

class Reporter
  def initialize(host)
    @host = host
    @template = ERB.new(REPORT, trim_mode: '-')
  end

  def render(checks)
    @template.result(binding)
  end
end

puts Reporter.new('mx1.example.com').render('smtp' => true, 'imap' => false, 'dns' => true)
puts Reporter.new('mx2.example.com').render('smtp' => true)

html = ERB.new("<p><%= ERB::Util.h(name) %> & <%= count * 2 %></p>\n")
name = '<Ann & "Bob">'
count = 21
print html.result(binding)

welcome = ERB.new(<<-EOT, trim_mode: '-')
Hi <%= user[:name] %>,
<% tips.each_with_index do |tip, i| -%>
  <%= i + 1 %>. <%= tip %>
<% end -%>
EOT
print welcome.result_with_hash(user: { name: 'Cy' },
                               tips: ['read the docs', 'say hi'])
print ERB.new('plain <%= 1 + 1 %> line').result(binding), "\n"

CARD = ERB.new(<<~'ERB', trim_mode: '-')
  <%= name %>: <%= items.size %> item<%= items.size == 1 ? '' : 's' %>
  <% items.each do |item| -%>
  - <%= item %>
  <% end -%>
ERB
[{ name: 'Ann', items: %w[tea cake] }, { name: 'Bo', items: ['jam'] }].each do |row|
  print CARD.result_with_hash(row)
end
row = { 'name' => 'Cy', 'items' => [], 'unused' => 1 }
print CARD.result_with_hash(row)
print CARD.result_with_hash(row.merge('items' => %w[y z], 'name' => 'Di'))
