# Time.utc of Integers that may be nil (a split date of fewer parts: nil
# is a month or a day of 1, as in Ruby).
TODAY = Time.utc(2024, 5, 31)
def days_late(due)
  y, m, d = due.split('-').map(&:to_i)
  ((TODAY - Time.utc(y, m, d)) / 86_400).to_i
end
p days_late('2024-05-01'), days_late('2024-04')
