// Package main is a native eKuiper source plugin that emits one heartbeat
// message per interval. Build it with the same Go version and the same
// github.com/lf-edge/ekuiper/contract/v2 version as the eKuiper server:
//
//	go build -trimpath --buildmode=plugin -o Heartbeat@v1.0.0.so .
//
// The plugin name is "heartbeat"; eKuiper looks up the exported symbol
// "Heartbeat" (the name with its first letter upper-cased).
package main

import (
	"fmt"
	"time"

	"github.com/lf-edge/ekuiper/contract/v2/api"
)

type heartbeat struct {
	interval time.Duration
	device   string
	seq      int64
}

// Provision reads the merged configuration: the `default` group of
// heartbeat.yaml, overlaid by the CONF_KEY group of the stream.
func (h *heartbeat) Provision(_ api.StreamContext, configs map[string]any) error {
	h.interval = time.Second
	h.device = "edge-01"
	if v, ok := configs["interval"]; ok {
		ms, err := toInt(v)
		if err != nil {
			return fmt.Errorf("interval: %w", err)
		}
		if ms <= 0 {
			return fmt.Errorf("interval must be positive, got %d", ms)
		}
		h.interval = time.Duration(ms) * time.Millisecond
	}
	if v, ok := configs["deviceId"].(string); ok && v != "" {
		h.device = v
	}
	return nil
}

func (h *heartbeat) Connect(_ api.StreamContext, sch api.StatusChangeHandler) error {
	sch(api.ConnectionConnected, "")
	return nil
}

func (h *heartbeat) Subscribe(ctx api.StreamContext, ingest api.TupleIngest, _ api.ErrorIngest) error {
	go func() {
		ticker := time.NewTicker(h.interval)
		defer ticker.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-ticker.C:
				h.seq++
				ingest(ctx, map[string]any{"deviceId": h.device, "seq": h.seq}, nil, now)
			}
		}
	}()
	return nil
}

func (h *heartbeat) Close(ctx api.StreamContext) error {
	ctx.GetLogger().Infof("heartbeat source closed after %d messages", h.seq)
	return nil
}

func toInt(v any) (int64, error) {
	switch n := v.(type) {
	case int:
		return int64(n), nil
	case int64:
		return n, nil
	case float64:
		return int64(n), nil
	default:
		return 0, fmt.Errorf("expected a number, got %T", v)
	}
}

// Heartbeat is the exported symbol: a constructor, so every rule gets its own instance.
func Heartbeat() api.Source {
	return &heartbeat{}
}

var _ api.TupleSource = &heartbeat{}
