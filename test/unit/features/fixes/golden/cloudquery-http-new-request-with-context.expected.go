package services

import (
	"context"
	"net/http"
)

func fetchItems(ctx context.Context, meta schema.ClientMeta, parent *schema.Resource, res chan<- any) error {
	req, err := http.NewRequestWithContext(ctx, 
		http.MethodGet,
		"https://shop.example.com/items",
		nil,
	)
	if err != nil {
		return err
	}
	_, err = meta.(*client.Client).HTTP.Do(req)
	return err
}
