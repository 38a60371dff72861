# if / unless / elsif used as a value where a statement cannot go (the
# right of <<, an argument): a conditional expression, nil for a missing
# branch.
tone = ARGV.empty? ? :final : :reminder
text = +"Hi\n"
text << if tone == :final
          "closing soon\n"
        else
          "still happening?\n"
        end
n = 5
text << unless n > 3 then "small\n" else "big\n" end
text << if n > 10 then "many\n" elsif n > 3 then "some\n" else "few\n" end
puts text
puts(if n.zero? then 'none' end.inspect)
printf("%s: %d\n", if n.odd? then 'odd' else 'even' end, n)
