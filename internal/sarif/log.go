package sarif

// The SARIF 2.1.0 objects that Write emits, as JSON. Their properties,
// order and defaults are those github.com/owenrumney/go-sarif/v3 (package
// v210/sarif) writes, which the log was built with before: every array
// property that library knows is written, empty or not (none, below),
// and so are the SARIF defaults (-1) of rank, index, byteOffset and
// charOffset. Owning the types keeps that library, and the JSON-schema
// validator it initializes at start-up, out of the binary: go vet starts
// envvet once per package.

// Levels of rules, results and notifications.
const (
	levelError   = "error"
	levelWarning = "warning"
	levelNote    = "note"
)

// none is an array property that envvet never fills: it encodes as [].
type none [0]struct{}

type log struct {
	Schema     string   `json:"$schema"`
	Version    string   `json:"version"`
	Runs       []*run   `json:"runs"`
	Properties struct{} `json:"properties"`
}

type run struct {
	OriginalURIBaseIDs       map[string]artifactLocation `json:"originalUriBaseIds,omitempty"`
	Addresses                none                        `json:"addresses"`
	ColumnKind               *string                     `json:"columnKind,omitempty"`
	Graphs                   none                        `json:"graphs"`
	Invocations              []*invocation               `json:"invocations"`
	Language                 string                      `json:"language"`
	LogicalLocations         none                        `json:"logicalLocations"`
	NewlineSequences         []string                    `json:"newlineSequences"`
	Policies                 none                        `json:"policies"`
	RedactionTokens          none                        `json:"redactionTokens"`
	Results                  []*result                   `json:"results"`
	RunAggregates            none                        `json:"runAggregates"`
	Taxonomies               none                        `json:"taxonomies"`
	ThreadFlowLocations      none                        `json:"threadFlowLocations"`
	Tool                     *tool                       `json:"tool,omitempty"`
	Translations             none                        `json:"translations"`
	VersionControlProvenance none                        `json:"versionControlProvenance"`
	WebRequests              none                        `json:"webRequests"`
	WebResponses             none                        `json:"webResponses"`
}

func newRun() *run {
	return &run{
		Invocations:      []*invocation{},
		Language:         "en-US",
		NewlineSequences: []string{"\r\n", "\n"},
		Results:          []*result{},
	}
}

type tool struct {
	Driver     *toolComponent `json:"driver,omitempty"`
	Extensions none           `json:"extensions"`
}

func newTool(driver *toolComponent) *tool { return &tool{Driver: driver} }

type toolComponent struct {
	Contents            []string               `json:"contents"`
	InformationURI      *string                `json:"informationUri,omitempty"`
	IsComprehensive     bool                   `json:"isComprehensive"`
	Language            string                 `json:"language"`
	Locations           none                   `json:"locations"`
	Name                *string                `json:"name,omitempty"`
	Notifications       none                   `json:"notifications"`
	Rules               []*reportingDescriptor `json:"rules"`
	SupportedTaxonomies none                   `json:"supportedTaxonomies"`
	Taxa                none                   `json:"taxa"`
	Version             *string                `json:"version,omitempty"`
}

func newToolComponent() *toolComponent {
	return &toolComponent{
		Contents: []string{"localizedData", "nonLocalizedData"},
		Language: "en-US",
		Rules:    []*reportingDescriptor{},
	}
}

type reportingDescriptor struct {
	DefaultConfiguration *reportingConfiguration   `json:"defaultConfiguration,omitempty"`
	FullDescription      *multiformatMessageString `json:"fullDescription,omitempty"`
	Help                 *multiformatMessageString `json:"help,omitempty"`
	HelpURI              *string                   `json:"helpUri,omitempty"`
	ID                   *string                   `json:"id,omitempty"`
	Relationships        none                      `json:"relationships"`
	ShortDescription     *multiformatMessageString `json:"shortDescription,omitempty"`
}

type reportingConfiguration struct {
	Enabled bool    `json:"enabled"`
	Level   string  `json:"level,omitempty"`
	Rank    float64 `json:"rank"`
}

type multiformatMessageString struct {
	Text *string `json:"text,omitempty"`
}

type artifactLocation struct {
	Index     int     `json:"index"`
	URI       *string `json:"uri,omitempty"`
	URIBaseID *string `json:"uriBaseId,omitempty"`
}

func newArtifactLocation() *artifactLocation { return &artifactLocation{Index: -1} }

type result struct {
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Attachments         none              `json:"attachments"`
	CodeFlows           none              `json:"codeFlows"`
	Fixes               []*fix            `json:"fixes"`
	GraphTraversals     none              `json:"graphTraversals"`
	Graphs              none              `json:"graphs"`
	Kind                string            `json:"kind,omitempty"`
	Level               string            `json:"level,omitempty"`
	Locations           []*location       `json:"locations"`
	Message             *message          `json:"message,omitempty"`
	Rank                float64           `json:"rank"`
	RelatedLocations    []*location       `json:"relatedLocations"`
	RuleID              *string           `json:"ruleId,omitempty"`
	RuleIndex           int               `json:"ruleIndex"`
	Stacks              none              `json:"stacks"`
	Suppressions        []*suppression    `json:"suppressions,omitempty"`
	Taxa                none              `json:"taxa"`
}

func newResult() *result {
	return &result{
		Fixes:            []*fix{},
		Kind:             "fail",
		Level:            levelWarning,
		Locations:        []*location{},
		Rank:             -1,
		RelatedLocations: []*location{},
		RuleIndex:        -1,
	}
}

type message struct {
	Arguments none    `json:"arguments"`
	Text      *string `json:"text,omitempty"`
}

func textMessage(s string) *message { return &message{Text: &s} }

type location struct {
	Annotations      none              `json:"annotations"`
	ID               int               `json:"id"`
	LogicalLocations none              `json:"logicalLocations"`
	Message          *message          `json:"message,omitempty"`
	PhysicalLocation *physicalLocation `json:"physicalLocation,omitempty"`
	Relationships    none              `json:"relationships"`
}

type physicalLocation struct {
	ArtifactLocation *artifactLocation `json:"artifactLocation,omitempty"`
	Region           *region           `json:"region,omitempty"`
}

type region struct {
	ByteOffset  int  `json:"byteOffset"`
	CharOffset  int  `json:"charOffset"`
	EndColumn   *int `json:"endColumn,omitempty"`
	EndLine     *int `json:"endLine,omitempty"`
	StartColumn *int `json:"startColumn,omitempty"`
	StartLine   *int `json:"startLine,omitempty"`
}

func newRegion() *region { return &region{ByteOffset: -1, CharOffset: -1} }

type fix struct {
	ArtifactChanges []*artifactChange `json:"artifactChanges,omitempty"`
	Description     *message          `json:"description,omitempty"`
}

type artifactChange struct {
	ArtifactLocation *artifactLocation `json:"artifactLocation,omitempty"`
	Replacements     []*replacement    `json:"replacements,omitempty"`
}

type replacement struct {
	DeletedRegion   *region          `json:"deletedRegion,omitempty"`
	InsertedContent *artifactContent `json:"insertedContent,omitempty"`
}

type artifactContent struct {
	Text *string `json:"text,omitempty"`
}

type suppression struct {
	Justification *string `json:"justification,omitempty"`
	Kind          *string `json:"kind,omitempty"`
}

type invocation struct {
	ExecutionSuccessful                *bool           `json:"executionSuccessful,omitempty"`
	NotificationConfigurationOverrides none            `json:"notificationConfigurationOverrides"`
	RuleConfigurationOverrides         none            `json:"ruleConfigurationOverrides"`
	ToolConfigurationNotifications     none            `json:"toolConfigurationNotifications"`
	ToolExecutionNotifications         []*notification `json:"toolExecutionNotifications"`
}

type notification struct {
	Level     string      `json:"level"`
	Locations []*location `json:"locations"`
	Message   *message    `json:"message,omitempty"`
}
