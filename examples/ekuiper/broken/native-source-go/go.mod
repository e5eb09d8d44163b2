module example.com/ekuiper-heartbeat

go 1.25.4

require github.com/lf-edge/ekuiper/contract/v2 v2.3.1
