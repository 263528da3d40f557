# Generates rubygems-pairs.tsv and rubygems-valid.tsv: RubyGems versions (generated and hand-picked tricky ones)
# ordered by the reference implementation, RubyGems' own Gem::Version (Gem::Version.correct?, <=>), and OSV-style
# ranges (introduced/fixed) decided by Gem::Requirement. Needs only a Ruby (apt-get install -y ruby).
# Run: ruby rubygems_pairs.rb   (writes both files next to this script; prints the RubyGems version used)
srand(1729)
dir = File.dirname(File.expand_path(__FILE__))

TRICKY = [
  "0", "0.0", "0.0.0", "1", "1.0", "1.0.0", "1.0.0.0", "01", "1.01", "1.001.0", "007.0",
  "1.0.a", "1.a", "1.a.0", "1.0.a.0", "1.0.0.a", "1.0.0.a1", "1.0.0.a.1", "1.0.0a1", "1.0.0.A", "1.0.0.Alpha",
  "1.0.0.alpha", "1.0.0.beta", "1.0.0.b", "1.0.0.pre", "1.0.0.pre1", "1.0.0.pre.1", "1.0.0.rc", "1.0.0.rc1",
  "1.0.0.rc.1", "1.0.0.rc10", "1.0.0.rc2", "1.0.0.RC1", "1.0.0-rc1", "1.0.0-rc.1", "1.0.0-pre", "1.0.0-1",
  "1.0.0-alpha-1", "1.0.0-x.y.z", "1.0.0.z", "1.0.1", "1.0.1.pre", "1.1", "1.10", "1.9", "1.9.9.9.9",
  "2", "2.0.0.rc1", "5.2.4.3", "5.2.4.4", "6.0.3.1", "6.0.3.rc1", "6.1.7.10", "7.0.0.alpha2", "7.0.0.beta1",
  "7.1.0.beta1", "1.8.0.rc.0", "3.0.0.pre.1", "1.0.0.0.1", "1.0.0.0.0.0.1", "12345678901234567890",
  "12345678901234567890.1", "1.12345678901234567891", "0.0.0.1", "0.a", "0.0.a", "1.0.0.a.0", "1.0.0.a.0.0.1",
  " 1.0", "1.0 ", " ", "", "1.0.0-", "1..0", ".1", "1.", "a", "a1", "1.0_1", "1.0+build", "-1", "1.0.0-rc_1",
  "1.0-", "1.0.0.pre-1", "1.0.0-pre-1", "1.0.0-a.b-c", "1.0.0.ab", "1.0.0.aa", "1.0.0.Z", "1.0.0.z1", "1.0.0.a10",
  "1.0.0.a9", "1.15.4-x86_64-linux", "1.15.4-java", "1 0", "1.0\u00e9", "v1.0", "1.0.0.x86_64", "1.0.0.0a"
]

def num
  ["0", "0", "1", "2", "3", "9", "10", "11", "99", "100", "00", "01", "20231231"].sample
end

def word
  ["a", "b", "pre", "rc", "alpha", "beta", "RC", "Beta", "x", "z", "dev"].sample
end

def generated
  v = (1..rand(1..5)).map { num }.join(".")
  case rand
  when 0...0.2 then v += "." + word + [num, ""].sample
  when 0.2...0.3 then v += word + num
  when 0.3...0.4 then v += "-" + [word, num, word + num, word + "." + num, word + "-" + num].sample
  when 0.4...0.45 then v += "." + word + "." + num + "." + word
  end
  v += "." + num if rand < 0.1
  v
end

pool = TRICKY.dup
pool << generated while pool.size < 800
pool.uniq!

File.open(File.join(dir, "rubygems-valid.tsv"), "w") do |f|
  pool.each { |v| f.puts "#{v}\t#{Gem::Version.correct?(v) ? 1 : 0}" }
end

valid = pool.select { |v| Gem::Version.correct?(v) }
pairs = []
valid.each_with_index do |a, i|
  # Every tricky version against its neighbours, then random pairs.
  pairs << [a, valid[i + 1]] if i + 1 < valid.size
end
pairs << [valid.sample, valid.sample] while pairs.size < 8000
pairs << (x = valid.sample; [x, x]) while pairs.size < 8300
File.open(File.join(dir, "rubygems-pairs.tsv"), "w") do |f|
  pairs.each { |a, b| f.puts "#{a}\t#{b}\t#{Gem::Version.new(a) <=> Gem::Version.new(b)}" }
end

# OSV ranges for RubyGems are ">= introduced, < fixed" (or "<= last_affected"), as GHSA writes Gem::Requirement.
File.open(File.join(dir, "rubygems-ranges.tsv"), "w") do |f|
  # Bounds and version close together in the order, so that both answers are frequent.
  sorted = valid.reject { |v| v.strip.empty? }.sort_by { |v| Gem::Version.new(v) }
  3000.times do
    i = rand(sorted.size - 30)
    lo, hi, v = sorted[i], sorted[i + rand(0..25)], sorted[[i + rand(-3..28), 0].max]
    kind = rand < 0.8 ? "fixed" : "last_affected"
    req = Gem::Requirement.new(">= #{lo}", kind == "fixed" ? "< #{hi}" : "<= #{hi}")
    f.puts "#{lo}\t#{kind}\t#{hi}\t#{v}\t#{req.satisfied_by?(Gem::Version.new(v)) ? 1 : 0}"
  end
end
STDERR.puts "RubyGems #{Gem::VERSION} (Ruby #{RUBY_VERSION})"
