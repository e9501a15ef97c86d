"""S3-compatible object storage, for deployments past one machine. A PUT is atomic in S3: an object is
visible whole or not at all. Credentials come from the usual AWS environment or instance role.

Objects are sealed with the data key before they leave the process (backend/storage/sealing.py wraps
this backend as it wraps the local folder), and the bucket's server-side encryption is asked for on top."""

from __future__ import annotations

from datetime import datetime

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from backend.settings import Settings
from backend.storage.boundary import StoredFileMissing


class S3Storage:
    name = "s3"

    def __init__(self, bucket: str, *, endpoint_url: str | None = None, region: str | None = None,
                 prefix: str = "materials/") -> None:
        self.bucket = bucket
        self.prefix = prefix
        self._client = boto3.client(
            "s3", endpoint_url=endpoint_url, region_name=region or "us-east-1",
            config=Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"}))

    @classmethod
    def from_settings(cls, settings: Settings) -> S3Storage:
        return cls(settings.s3_bucket or "", endpoint_url=settings.s3_endpoint_url, region=settings.s3_region)

    def put(self, key: str, data: bytes, media_type: str) -> None:
        # Server-side encryption on top of ours: the files are the most sensitive we hold.
        self._client.put_object(Bucket=self.bucket, Key=self.prefix + key, Body=data, ContentType=media_type,
                                ServerSideEncryption="AES256")

    def get(self, key: str) -> bytes:
        try:
            return self._client.get_object(Bucket=self.bucket, Key=self.prefix + key)["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                raise StoredFileMissing(key) from None
            raise

    def delete(self, key: str) -> None:
        self._client.delete_object(Bucket=self.bucket, Key=self.prefix + key)

    def exists(self, key: str) -> bool:
        try:
            self._client.head_object(Bucket=self.bucket, Key=self.prefix + key)
            return True
        except ClientError:
            return False

    def keys(self) -> list[str]:
        found: list[str] = []
        for page in self._client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix):
            found.extend(item["Key"][len(self.prefix):] for item in page.get("Contents", []))
        return found

    def entries(self, prefix: str) -> list[tuple[str, datetime]]:
        """Keys starting with `prefix` and when each was last written."""
        found: list[tuple[str, datetime]] = []
        pages = self._client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.prefix + prefix)
        for page in pages:
            found.extend((item["Key"][len(self.prefix):], item["LastModified"]) for item in page.get("Contents", []))
        return found
