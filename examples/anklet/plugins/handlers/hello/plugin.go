// Package hello is a skeleton Anklet handler plugin.
package hello

import (
	"fmt"

	"github.com/veertuinc/anklet/internal/config"
)

// PluginName is the value of `plugin:` in config.yml that selects this handler.
const PluginName = "hello"

// checkConfig validates the plugin entry before the first run.
func checkConfig(p config.Plugin) error {
	if p.Name == "" {
		return fmt.Errorf("name is required for plugins")
	}
	if p.SleepInterval < 0 {
		return fmt.Errorf("sleep_interval must be >= 0 in plugins:%s", p.Name)
	}
	return nil
}
