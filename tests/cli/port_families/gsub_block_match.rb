# $1 inside a gsub/sub block is that block's match; a scan elsewhere in the
# script is then plain (nothing reads the last match outside the blocks).
notice = "Tracking: ab 12\nother"
puts notice.scan(/\d/).join
puts notice.gsub(/Tracking: (.+)/) { "Tracking: #{$1.upcase.tr(' ', '')}" }
puts 'a-b'.sub(/(\w)-(\w)/) { "#{$2}+#{$1}" }
puts 'x1y22'.gsub(/\d+/) { |digits| "<#{digits.size}:#{$~[0]}>" }
