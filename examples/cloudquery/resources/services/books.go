package services

import (
	"context"
	"fmt"
	"time"

	"github.com/acme/cq-source-bookshelf/client"
	"github.com/cloudquery/plugin-sdk/v4/schema"
	"github.com/cloudquery/plugin-sdk/v4/transformers"
)

type Book struct {
	ID        string    `json:"id"`
	Shelf     string    `json:"shelf"`
	Title     string    `json:"title"`
	Authors   []string  `json:"authors"`
	ISBN      string    `json:"isbn"`
	AddedAt   time.Time `json:"added_at"`
	PageCount int64     `json:"page_count"`
}

type booksPage struct {
	Books    []Book `json:"books"`
	NextPage string `json:"next_page"`
}

func BooksTable() *schema.Table {
	return &schema.Table{
		Name:        "bookshelf_books",
		Description: "Books on the configured shelves.",
		Resolver:    fetchBooks,
		Transform:   transformers.TransformWithStruct(&Book{}, transformers.WithPrimaryKeys("ID")),
	}
}

func fetchBooks(ctx context.Context, meta schema.ClientMeta, _ *schema.Resource, res chan<- any) error {
	c := meta.(*client.Client)
	path := fmt.Sprintf("/books?page_size=%d", c.Spec.PageSize)
	for path != "" {
		var page booksPage
		if err := c.GetJSON(ctx, path, &page); err != nil {
			return err
		}
		for _, b := range page.Books {
			if len(c.Spec.Shelves) == 0 || contains(c.Spec.Shelves, b.Shelf) {
				res <- b
			}
		}
		path = page.NextPage
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
