module github.com/forPelevin/gomoji

go 1.24

require github.com/rivo/uniseg v0.4.7
