module github.com/fullstorydev/grpcurl
