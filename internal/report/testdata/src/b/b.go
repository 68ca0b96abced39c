//envvet:file-ignore loud generated from the schema
package b

func bad() {}

func f() {
	bad()
	bad()
}
