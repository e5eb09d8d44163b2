// Command yamldecode is a test oracle: it decodes YAML with the real Go libraries the hosts use
// (gopkg.in/yaml.v2 for CloudQuery and Anklet, gopkg.in/yaml.v3 for GatewayD) and prints every
// value with its Go type, so the Node tests can compare what the project reads with what the
// host reads.
//
// Input on stdin: a JSON array of {"decoder": "v2"|"v3", "text": "..."}.
// Output on stdout: a JSON array of {"ok": bool, "error": "...", "value": <typed>} in that order,
// where <typed> is {"t": "int"|"float"|"string"|"bool"|"null"|"time"|"binary", "v": "..."},
// {"t": "map", "v": [[<typed key>, <typed value>], ...]} or {"t": "seq", "v": [<typed>, ...]}.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"time"

	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
)

type request struct {
	Decoder string `json:"decoder"`
	Text    string `json:"text"`
}

type typed struct {
	T string      `json:"t"`
	V interface{} `json:"v"`
}

type response struct {
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
	Value *typed `json:"value,omitempty"`
}

func describe(value interface{}) typed {
	switch v := value.(type) {
	case nil:
		return typed{"null", nil}
	case bool:
		return typed{"bool", strconv.FormatBool(v)}
	case string:
		return typed{"string", v}
	case []byte:
		return typed{"binary", string(v)}
	case int:
		return typed{"int", strconv.FormatInt(int64(v), 10)}
	case int64:
		return typed{"int", strconv.FormatInt(v, 10)}
	case uint64:
		return typed{"int", strconv.FormatUint(v, 10)}
	case float64:
		return typed{"float", formatFloat(v)}
	case time.Time:
		return typed{"time", v.Format(time.RFC3339Nano)}
	case []interface{}:
		items := make([]typed, 0, len(v))
		for _, item := range v {
			items = append(items, describe(item))
		}
		return typed{"seq", items}
	case map[interface{}]interface{}:
		pairs := make([][2]typed, 0, len(v))
		for key, item := range v {
			pairs = append(pairs, [2]typed{describe(key), describe(item)})
		}
		return typed{"map", sortPairs(pairs)}
	case map[string]interface{}:
		pairs := make([][2]typed, 0, len(v))
		for key, item := range v {
			pairs = append(pairs, [2]typed{describe(key), describe(item)})
		}
		return typed{"map", sortPairs(pairs)}
	default:
		return typed{fmt.Sprintf("other:%T", v), fmt.Sprint(v)}
	}
}

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Go maps have no order; sort by the key's JSON so the output is stable.
func sortPairs(pairs [][2]typed) [][2]typed {
	sort.Slice(pairs, func(i, j int) bool {
		a, _ := json.Marshal(pairs[i][0])
		b, _ := json.Marshal(pairs[j][0])
		return string(a) < string(b)
	})
	return pairs
}

func decode(req request) (res response) {
	defer func() {
		if r := recover(); r != nil {
			res = response{OK: false, Error: fmt.Sprint("panic: ", r)}
		}
	}()
	var value interface{}
	var err error
	switch req.Decoder {
	case "v2":
		err = yamlv2.Unmarshal([]byte(req.Text), &value)
	case "v3":
		err = yamlv3.Unmarshal([]byte(req.Text), &value)
	default:
		return response{OK: false, Error: "unknown decoder " + req.Decoder}
	}
	if err != nil {
		return response{OK: false, Error: err.Error()}
	}
	d := describe(value)
	return response{OK: true, Value: &d}
}

func main() {
	var requests []request
	if err := json.NewDecoder(os.Stdin).Decode(&requests); err != nil {
		fmt.Fprintln(os.Stderr, "yamldecode: bad input:", err)
		os.Exit(2)
	}
	out := make([]response, 0, len(requests))
	for _, req := range requests {
		out = append(out, decode(req))
	}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, "yamldecode:", err)
		os.Exit(1)
	}
}
