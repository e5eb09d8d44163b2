package hello

import (
	"context"

	"github.com/veertuinc/anklet/internal/config"
	"github.com/veertuinc/anklet/internal/database"
	"github.com/veertuinc/anklet/internal/logging"
)

// Run is called by internal/run/run.go once per loop iteration (then anklet sleeps sleep_interval seconds).
func Run(
	workerCtx context.Context,
	pluginCtx context.Context,
	pluginCancel context.CancelFunc,
) (context.Context, error) {
	pluginConfig, err := config.GetPluginFromContext(pluginCtx)
	if err != nil {
		return pluginCtx, err
	}
	if err := checkConfig(pluginConfig); err != nil {
		return pluginCtx, err
	}
	if _, err := database.GetDatabaseFromContext(pluginCtx); err != nil {
		// no global_database_* and no plugin `database:` block
		return pluginCtx, err
	}
	logging.Info(pluginCtx, "starting hello plugin")

	select {
	case <-workerCtx.Done():
		pluginCancel()
		return pluginCtx, nil
	default:
	}

	// 1. pop a job from the queue   2. prepare a VM (Anka CLI from ctx "ankacli")
	// 3. register it with the CI platform   4. wait for completion   5. clean up
	return pluginCtx, nil
}
