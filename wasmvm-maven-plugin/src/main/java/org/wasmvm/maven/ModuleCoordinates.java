package org.wasmvm.maven;

import java.util.Objects;

/**
 * Maven coordinates of a wasm module, {@code groupId:artifactId[:extension[:classifier]]:version},
 * the extension defaulting to {@code wasm}.
 *
 * @param groupId the group
 * @param artifactId the artifact
 * @param extension the file extension ({@code wasm} unless given)
 * @param classifier the classifier, or {@code ""}
 * @param version the version
 */
public record ModuleCoordinates(String groupId, String artifactId, String extension, String classifier, String version) {
    /** The extension used when the coordinates name none. */
    public static final String DEFAULT_EXTENSION = "wasm";

    public ModuleCoordinates {
        Objects.requireNonNull(groupId);
        Objects.requireNonNull(artifactId);
        Objects.requireNonNull(extension);
        Objects.requireNonNull(classifier);
        Objects.requireNonNull(version);
    }

    /**
     * Parses {@code groupId:artifactId[:extension[:classifier]]:version}.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static ModuleCoordinates parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException(invalid(text));
        }
        String group = parts[0].trim();
        String artifact = parts[1].trim();
        String version = parts[parts.length - 1].trim();
        String extension = parts.length >= 4 ? parts[2].trim() : DEFAULT_EXTENSION;
        String classifier = parts.length == 5 ? parts[3].trim() : "";
        if (group.isEmpty() || artifact.isEmpty() || version.isEmpty() || extension.isEmpty()) {
            throw new IllegalArgumentException(invalid(text));
        }
        return new ModuleCoordinates(group, artifact, extension, classifier, version);
    }

    private static String invalid(String text) {
        return "'" + text + "' is not groupId:artifactId[:extension[:classifier]]:version";
    }

    /** The file name the artifact has in a repository, e.g. {@code tool-1.0.wasm}. */
    public String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + extension + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }
}
