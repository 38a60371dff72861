# Digest::SHA1/SHA256/MD5.hexdigest; File.read of UTF-8 text with its
# option; block parameters taken apart one level deeper (|(status, path), n|).
require 'digest'
email = 'ann@example.com'
puts Digest::SHA1.hexdigest("newsletter-salt:#{email}")[0, 12]
puts Digest::SHA256.hexdigest("ann/#{1700000000}")[0, 20], Digest::MD5.hexdigest('é')
File.write('enc.txt', "caf\u00e9\n")
p File.read('enc.txt', encoding: 'UTF-8')
File.delete('enc.txt')
errors = [[500, '/a'], [502, '/b'], [500, '/a'], [503, '/c']].tally
top = errors.sort_by { |(status, path), n| [-n, status, path] }.first(2)
p top
