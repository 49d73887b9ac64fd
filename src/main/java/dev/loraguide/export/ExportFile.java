package dev.loraguide.export;

/**
 * One file of an export.
 *
 * @param path where it goes, relative to the folder the export is unpacked into
 * @param mediaType its media type
 * @param content the whole file
 */
public record ExportFile(String path, String mediaType, String content) {
}
